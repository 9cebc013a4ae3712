/** An Octokit `log` that prints nothing, for tests that provoke errors on purpose. */
export const quietLog = { debug() {}, info() {}, warn() {}, error() {} };
