// An operation of the newsroom, declared once: what it takes (zod), the permission it needs, what it does and
// what it answers (zod: the read model, which is also the presenter: nothing it does not declare leaves). The
// JSON API, the newsroom's forms, the OpenAPI document, the role × operation matrix and the hostile-input
// inventory are all made from the table in index.ts, so a new operation is one entry there.
import type { z } from 'zod';
import { can, type Actor, type Operation } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { Services } from '../index.ts';

export interface OperationDef<K extends z.ZodType = z.ZodType, I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  /** The permission it needs. Its role part is checked before anything is read; the service checks the rest. */
  permission?: Operation;
  /** The item it acts on, named in the address (an id, or a collection's slug); a bad one is NOT_FOUND. */
  key?: K;
  /**
   * What it takes: the body of a write, the query of a read. It is the schema the service parses the input
   * with (services parse what they are given, whichever door or command calls them, so input is parsed once,
   * there); here it documents the operation and feeds the hostile-input inventory.
   */
  input?: I;
  /** What it answers. camelCase read models only, never rows. */
  output: O;
  /** The HTTP status of success (200 unless it creates something). */
  status?: number;
  run(services: Services, actor: Actor, input: unknown, key: z.output<K>): Promise<z.input<O>>;
}

/** Declares an operation with its types inferred from its schemas. */
export const defineOperation = <K extends z.ZodType = z.ZodNever, I extends z.ZodType = z.ZodUndefined, O extends z.ZodType = z.ZodType>(
  def: OperationDef<K, I, O>,
): OperationDef<K, I, O> => def;

/** Refuses a role that can never perform the operation, before its input is read. */
export function checkRole(actor: Actor, def: Pick<OperationDef, 'permission'>): void {
  if (def.permission && !can(actor, def.permission))
    throw new AppError('FORBIDDEN', `Your role (${actor.role}) does not allow ${def.permission.replace('.', ' → ')} here.`);
}

/** Runs an operation for a door: role, key, the work, then the read model it answers. */
export async function perform(
  def: OperationDef,
  services: Services,
  actor: Actor,
  raw: { key?: unknown; input?: unknown },
): Promise<unknown> {
  checkRole(actor, def);
  let key: unknown;
  if (def.key) {
    const k = def.key.safeParse(raw.key);
    if (!k.success) throw new AppError('NOT_FOUND', 'There is no such item.');
    key = k.data;
  }
  return def.output.parse(await def.run(services, actor, raw.input, key));
}
