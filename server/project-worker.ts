// Entry of the worker threads that project pages for `rematerialize` (see ProjectionPool):
// a bundle of its own, so a worker loads the projection code and nothing else.
import { serveProjectionJobs } from './materializer/project-page.js';

serveProjectionJobs();
