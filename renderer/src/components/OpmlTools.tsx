// Subscriptions in and out as OPML: a file picker for the import, a button for the export, and
// one sentence on what happened.
import { useOpmlFile } from '../hooks/use-opml-file';

export function OpmlTools({ onImported }: { readonly onImported: () => void }) {
  const { message, importFile, exportFile } = useOpmlFile(onImported);

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
