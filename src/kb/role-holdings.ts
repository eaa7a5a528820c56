// The knowledge base's dated roles as rows for the store (store.saveRoles): one per holder of each
// office, in the order the YAML lists them.
import type { KnowledgeBase } from './index.js';
import type { RoleHolding } from '../store/types.js';

export function roleHoldings(kb: Pick<KnowledgeBase, 'roles'>): RoleHolding[] {
  return kb.roles.flatMap((role) => role.holders.map((holder) => ({
    roleId: role.id, title: role.title, of: role.of, actorId: holder.actor, from: holder.from, to: holder.to,
  })));
}
