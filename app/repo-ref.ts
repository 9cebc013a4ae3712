/** A repository the app acts on. */
export interface RepoRef {
  owner: string;
  repo: string;
}
