import type { EntityManager } from '@mikro-orm/postgresql';
import { insertUser } from '../server/auth/auth.service.js';
import { Role } from '../server/core/enums.js';

export type DemoTokens = Record<Role, { name: string; token: string; plans?: string[] }>;

/** One demo user per role; the project lead may edit the plan Vollsmose Øst. Returns their tokens, which exist nowhere else. */
export async function seedDemoUsers(em: EntityManager): Promise<DemoTokens> {
  const [plan] = (await em.execute("select id, lead_id from plan where code = 'VOL-OEST'")) as { id: number; lead_id: number | null }[];
  const make = async (name: string, role: Role, personId?: number | null, planIds?: number[]) => ({
    name,
    token: (await insertUser(em, { name, role, personId, planIds })).token,
  });
  return {
    [Role.ADMIN]: await make('Demo-administrator', Role.ADMIN),
    [Role.COORDINATOR]: await make('Det boligsociale team (demo)', Role.COORDINATOR),
    [Role.PROJECT_LEAD]: {
      ...(await make('Projektleder, Vollsmose Øst (demo)', Role.PROJECT_LEAD, plan?.lead_id, plan ? [plan.id] : [])),
      plans: ['VOL-OEST'],
    },
    [Role.READER]: await make('Nyhedsbrevet (demo)', Role.READER),
  };
}
