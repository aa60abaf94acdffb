import { type ContractDirectory, type ProxyContract } from './proxy-contract';

/** For tests and local runs: credentials held in a map. */
export class InMemoryContractDirectory implements ContractDirectory {
  private readonly contracts = new Map<string, ProxyContract>();

  issue(credential: string, contract: ProxyContract): void {
    this.contracts.set(credential, contract);
  }

  revoke(credential: string): void {
    this.contracts.delete(credential);
  }

  findByCredential(workerName: string): Promise<ProxyContract | null> {
    return Promise.resolve(this.contracts.get(workerName) ?? null);
  }

  endsByCredential(credentials: readonly string[]): Promise<ReadonlyMap<string, Date>> {
    const ends = new Map<string, Date>();
    for (const credential of credentials) {
      const contract = this.contracts.get(credential);
      if (contract) ends.set(credential, contract.endsAt);
    }
    return Promise.resolve(ends);
  }
}
