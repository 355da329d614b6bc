import { acceptProposal } from '#lib/server/portal/proposals.js';
import { decisionEndpoint } from '../../decision.js';

/** Writes the proposed change into the customer's document on the caller's behalf. */
export const POST = decisionEndpoint(acceptProposal);
