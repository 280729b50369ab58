// Every draft written out as text or Markdown by the core, for the person to copy.
import type { DraftExportFormat } from '../../../shared/types';
import { useCoreValue } from './use-core-value';

export interface DraftExport {
  readonly text: string;
  readonly error: string | null;
}

export function useDraftExport(format: DraftExportFormat): DraftExport {
  const { value, error } = useCoreValue((core) => core.exportDrafts(format), [format]);
  return { text: value ?? '', error: error && `The drafts could not be exported: ${error}` };
}
