// Subscriptions in and out as OPML. The file is read here and handed to the core as text; the
// export is offered as a download of the text the core writes.
import { useState } from 'react';
import { useBridge } from '../hooks/bridge';
import { plural } from '../lib/format';
import { errorMessage } from '../../../shared/error-message';

export function OpmlTools({ onImported }: { readonly onImported: () => void }) {
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

  return (
    <fieldset className="settings-group">
      <legend>Subscriptions file (OPML)</legend>
      <div className="setting">
        <label className="button small file-button">
          Import OPML…
          <input
            type="file"
            accept=".opml,.xml,text/x-opml,text/xml,application/xml"
            className="sr-only"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
        <button type="button" className="button small" onClick={() => void exportFile()}>
          Export OPML
        </button>
      </div>
      {message && (
        <p className="setting-help" role="status">
          {message}
        </p>
      )}
    </fieldset>
  );
}
