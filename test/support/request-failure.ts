/** Helpers to await a request that must fail and inspect the error (REST or GraphQL). */

/** GitHub's REST error body. */
export interface GitHubErrorBody {
  message: string;
  errors?: Array<Record<string, unknown>>;
  documentation_url?: string;
  status?: string;
}

/** The parts of an Octokit RequestError / GraphqlResponseError that tests look at. */
export interface RequestFailure {
  /** HTTP status (REST; GraphQL errors answered with 200 have none). */
  status?: number;
  message: string;
  response?: { headers: Record<string, string | undefined>; data: GitHubErrorBody };
  /** GraphQL errors with GitHub's `type`. */
  errors?: Array<{ type?: string; message: string; path?: Array<string | number> }>;
}

/** `promise.then(succeeded, failed)`: throws when the request unexpectedly succeeds. */
export function succeeded(): never {
  throw new Error('expected the request to fail, but it succeeded');
}

/** `promise.then(succeeded, failed)`: the rejection, typed for assertions. */
export function failed(error: unknown): RequestFailure {
  return error as RequestFailure;
}

/** The HTTP status a request ends with, whether it succeeds or fails. */
export async function statusOf(promise: Promise<{ status: number }>): Promise<number> {
  try {
    return (await promise).status;
  } catch (error) {
    return (error as RequestFailure).status ?? 0;
  }
}
