// Entry of the worker threads that project documents (see ProjectionPool): pages for
// `rematerialize`, and each round of the server's materializer, off its event loop. A bundle
// of its own, so a worker loads the projection code and nothing else.
import { serveProjectionJobs } from './materializer/project-page.js';

serveProjectionJobs();
