// What the native dialogs say after an OPML import or export from the menu.
import type { OpmlImportResult } from '../../shared/types';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export function importSummary(result: OpmlImportResult): { message: string; detail: string } {
  const message = result.added === 0 ? 'No new feeds were added.' : `Added ${plural(result.added, 'feed')}.`;
  const lines: string[] = [];
  if (result.foldersCreated > 0) lines.push(`${plural(result.foldersCreated, 'folder')} created.`);
  if (result.skipped.length > 0) {
    lines.push(`${plural(result.skipped.length, 'entry', 'entries')} skipped:`);
    for (const skip of result.skipped.slice(0, 10)) lines.push(`• ${skip.title ?? skip.url ?? '(untitled)'}: ${skip.reason}`);
    if (result.skipped.length > 10) lines.push(`… and ${result.skipped.length - 10} more.`);
  }
  if (result.added > 0) lines.push('Sync to fetch their articles.');
  return { message, detail: lines.join('\n') };
}
