// The top bar: sync, add a feed, search, the offline mark, settings and the shortcut list.
import type { ReactNode } from 'react';
import { useKeyHint } from '../hooks/use-key-hint';
import { GearIcon, KeyboardIcon, OfflineIcon, PlusIcon, SidebarIcon, SyncIcon } from './icons';

export interface ToolbarProps {
  readonly syncing: boolean;
  readonly offline: boolean;
  /** The selected feed's title, when one is selected: it can be synced alone. */
  readonly feedTitle: string | null;
  readonly search: ReactNode;
  readonly sidebarShown: boolean;
  readonly onToggleSidebar: () => void;
  readonly onSync: () => void;
  readonly onSyncFeed: () => void;
  readonly onAddFeed: () => void;
  readonly onSettings: () => void;
  readonly onShortcuts: () => void;
}

export function Toolbar(props: ToolbarProps) {
  const keyHint = useKeyHint();
  return (
    <header className="toolbar">
      <button
        type="button"
        className="button icon-only"
        aria-expanded={props.sidebarShown}
        aria-controls="sidebar"
        aria-label={props.sidebarShown ? 'Hide the sidebar' : 'Show the sidebar'}
        title={props.sidebarShown ? 'Hide the sidebar' : 'Show the sidebar'}
        onClick={props.onToggleSidebar}
      >
        <SidebarIcon />
      </button>
      <div className="brand">
        <img src="./icon.svg" alt="" width={22} height={22} />
        <span>Paperboy</span>
      </div>
      <div className="toolbar-group">
        <button type="button" className="button primary" onClick={props.onSync} disabled={props.syncing} title={keyHint('Sync all feeds', 'r')}>
          <SyncIcon /> Sync
        </button>
        {props.feedTitle !== null && (
          <button type="button" className="button" onClick={props.onSyncFeed} disabled={props.syncing} title={`Sync only ${props.feedTitle}`}>
            Sync this feed
          </button>
        )}
        <button type="button" className="button" onClick={props.onAddFeed}>
          <PlusIcon /> Add feed
        </button>
      </div>
      {props.search}
      <div className="toolbar-group end">
        {props.offline && (
          <span className="offline-mark" role="status" title="No network: everything already synced stays readable.">
            <OfflineIcon /> Offline
          </span>
        )}
        <button type="button" className="button icon-only" onClick={props.onShortcuts} aria-label="Keyboard shortcuts" title={keyHint('Keyboard shortcuts', '?')}>
          <KeyboardIcon />
        </button>
        <button type="button" className="button icon-only" onClick={props.onSettings} aria-label="Settings" title="Settings">
          <GearIcon />
        </button>
      </div>
    </header>
  );
}
