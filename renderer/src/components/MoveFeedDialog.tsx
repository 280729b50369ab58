// "Move to folder…": the keyboard's way to do what dragging a feed onto a folder does.
import { useState } from 'react';
import type { Feed, Folder, FolderId } from '../../../shared/types';
import { errorMessage } from '../../../shared/error-message';
import { Dialog } from './Dialog';

export interface MoveFeedDialogProps {
  readonly feed: Feed;
  readonly folders: readonly Folder[];
  readonly onMove: (folderId: FolderId | null) => Promise<unknown>;
  readonly onClose: () => void;
}

const TOP = 'top';

export function MoveFeedDialog({ feed, folders, onMove, onClose }: MoveFeedDialogProps) {
  const [choice, setChoice] = useState(feed.folderId === null ? TOP : String(feed.folderId));
  const [error, setError] = useState<string | null>(null);
  const sorted = [...folders].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' }));
  const move = () => {
    onMove(choice === TOP ? null : Number(choice)).then(onClose, (failure: unknown) => setError(errorMessage(failure)));
  };
  return (
    <Dialog title={`Move “${feed.title}”`} onClose={onClose} className="small-dialog">
      <form
        className="add-feed-form"
        onSubmit={(event) => {
          event.preventDefault();
          move();
        }}
      >
        <label htmlFor="move-folder">Folder</label>
        <div className="field-row">
          <select id="move-folder" className="select-field" value={choice} onChange={(event) => setChoice(event.target.value)} data-autofocus>
            <option value={TOP}>No folder (top level)</option>
            {sorted.map((folder) => (
              <option key={folder.id} value={folder.id}>
                {folder.name}
              </option>
            ))}
          </select>
          <button type="submit" className="button primary">
            Move
          </button>
        </div>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
