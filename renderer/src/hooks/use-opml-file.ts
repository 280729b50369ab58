// Subscriptions in and out as OPML. The file is read here and handed to the core as text; the
// export is offered as a download of the text the core writes. What happened is one sentence.
import { useState } from 'react';
import { errorMessage } from '../../../shared/error-message';
import { plural } from '../lib/format';
import { useBridge } from './bridge';

export interface OpmlFile {
  readonly message: string | null;
  importFile(file: File): Promise<void>;
  exportFile(): Promise<void>;
}

export function useOpmlFile(onImported: () => void): OpmlFile {
  const bridge = useBridge();
  const [message, setMessage] = useState<string | null>(null);

  const importFile = async (file: File) => {
    setMessage(`Importing ${file.name}…`);
    try {
      const result = await bridge.importOpml(await file.text());
      const skipped = result.skipped.length > 0 ? `; ${plural(result.skipped.length, 'entry', 'entries')} skipped (${result.skipped.map((s) => s.reason).slice(0, 3).join('; ')})` : '';
      setMessage(`Added ${plural(result.added, 'feed')}${skipped}. Sync to fetch them.`);
      onImported();
    } catch (failure) {
      setMessage(`The file could not be imported: ${errorMessage(failure)}`);
    }
  };

  const exportFile = async () => {
    try {
      const text = await bridge.exportOpml();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([text], { type: 'text/x-opml' }));
      link.download = 'Paperboy subscriptions.opml';
      link.click();
      URL.revokeObjectURL(link.href);
      setMessage(null);
    } catch (failure) {
      setMessage(`The subscriptions could not be exported: ${errorMessage(failure)}`);
    }
  };

  return { message, importFile, exportFile };
}
