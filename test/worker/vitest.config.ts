import { startFakeSheets } from '../fake-sheets/server';
import { workerdProject } from './workerd-project';

// Google for the live sheet (issue 14): a fake over real HTTP on loopback, with a key pair made for this run.
const google = await startFakeSheets();

export default workerdProject({
  bindings: {
    GOOGLE_SERVICE_ACCOUNT_JSON: JSON.stringify(google.deploymentKey),
    GOOGLE_SHEETS_API_BASE: google.url,
    GOOGLE_OAUTH_TOKEN_URL: `${google.url}/token`,
    FAKE_SHEETS_URL: google.url,
    // Bad-input fuzzing runs per write route: a few in `npm test`, more from `npm run soak`.
    FUZZ_RUNS: process.env.FUZZ_RUNS ?? '3',
  },
  test: { name: 'worker', include: ['test/worker/**/*.test.ts'] },
});
