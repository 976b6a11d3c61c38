// Picture uploads (the API's, and the newsroom's upload form): one file and its text fields, read from a multipart body.
import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { AppError } from '../errors.ts';
import { assertStorableText } from './text-guard.ts';

/** One uploaded file plus its text fields; limits come from the multipart plugin's configuration. */
export async function readMultipart(req: FastifyRequest): Promise<{ file: Buffer; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw new AppError('INVALID_INPUT', 'file: send the image as multipart/form-data', { field: 'file' });
  let file: Buffer | undefined;
  const fields: Record<string, string> = {};
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file)
          throw new AppError('INVALID_INPUT', 'file: send exactly one file, in the field "file"', { field: 'file' });
        file = await part.toBuffer();
      } else fields[part.fieldname] = String(part.value);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('INVALID_INPUT', `file: ${(err as Error).message}`, { field: 'file' });
  }
  if (!file) throw new AppError('INVALID_INPUT', 'file: no file was sent', { field: 'file' });
  assertStorableText(fields); // multipart fields are read here, after the HTTP text guard has run
  return { file, fields };
}
