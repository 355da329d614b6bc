import { declineProposal } from '#lib/server/portal/proposals.js';
import { decisionEndpoint } from '../../decision.js';

/** Leaves the customer as it is; the contact sees the proposal declined, with the note. */
export const POST = decisionEndpoint(declineProposal);
