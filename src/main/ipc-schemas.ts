/**
 * The argument schemas of every invoke channel. The renderer is treated as untrusted: each handler's
 * arguments pass one of these before anything happens, and unknown properties are dropped.
 */
import * as v from 'valibot';
import type { ExportChoiceKind } from '../shared/host/host-api';

export const saveMimeTypes = ['application/pdf', 'text/csv', 'application/json'] as const;
export type SaveMimeType = (typeof saveMimeTypes)[number];

/** The open dialogs the renderer may ask for (HostApi.chooseExportFiles); never a path. */
export const exportChoiceKinds = ['files', 'folder'] as const satisfies readonly ExportChoiceKind[];

/** A folder of page files can be large, but not unbounded. */
export const maxFilesPerRun = 10_000;

export const rendererFileSchema = v.object({
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(1024)),
  bytes: v.instance(Uint8Array),
});

export const saveRequestSchema = v.object({
  suggestedName: v.pipe(v.string(), v.minLength(1), v.maxLength(255)),
  mimeType: v.picklist(saveMimeTypes),
  data: v.union([v.string(), v.instance(Uint8Array)]),
});

export type ValidSaveRequest = v.InferOutput<typeof saveRequestSchema>;

/** Each channel's whole argument list; a strict tuple, so extra arguments are refused too. */
export const invokeArgumentSchemas = {
  auditFiles: v.strictTuple([
    v.pipe(v.array(rendererFileSchema), v.minLength(1), v.maxLength(maxFilesPerRun)),
  ]),
  chooseExportFiles: v.strictTuple([v.picklist(exportChoiceKinds)]),
  launchFiles: v.strictTuple([]),
  cancelAudit: v.strictTuple([]),
  saveFile: v.strictTuple([saveRequestSchema]),
} as const;

export class InvalidIpcArgumentsError extends Error {}

export function parseArguments<TSchema extends v.GenericSchema>(
  channel: string,
  schema: TSchema,
  args: readonly unknown[],
): v.InferOutput<TSchema> {
  const parsed = v.safeParse(schema, args);
  if (!parsed.success) {
    // Cut short: a summary may quote the offending value, and the renderer may have sent megabytes.
    const summary = v.summarize(parsed.issues).slice(0, 500);
    throw new InvalidIpcArgumentsError(`Refused ${channel}: invalid arguments (${summary})`);
  }
  return parsed.output;
}
