// One selectable entry of the sidebar: an icon, a name, an unread count. The sidebar is one Tab
// stop (a roving tabindex): only the entry it names is tabbable, arrow keys move between them.
// Nothing in a list of buttons says so, so the tabbable entry is described by the sidebar's
// hint on its keys (NavHint): a screen reader reads it on arrival.
import { createContext, memo, useContext, type DragEvent, type MouseEvent, type ReactNode } from 'react';

/** The id of the element that tells how the sidebar's keys work. */
export const NavHint = createContext<string | undefined>(undefined);

export interface NavItemProps {
  readonly label: string;
  /** Shown after the name, quieter: what tells two feeds of the same name apart. */
  readonly detail?: string;
  readonly icon: ReactNode;
  readonly selected: boolean;
  readonly count?: number;
  readonly title?: string;
  readonly badge?: ReactNode;
  /** The sidebar's key of this entry (for the roving focus). */
  readonly navKey: string;
  readonly tabbable: boolean;
  readonly onSelect: () => void;
  readonly onContextMenu?: (event: MouseEvent<HTMLButtonElement>) => void;
  /** Makes the entry draggable (a feed, onto a folder). */
  readonly onDragStart?: (event: DragEvent<HTMLButtonElement>) => void;
}

export const NavItem = memo(function NavItem({ label, detail, icon, selected, count, title, badge, navKey, tabbable, onSelect, onContextMenu, onDragStart }: NavItemProps) {
  const hint = useContext(NavHint);
  return (
    <button
      type="button"
      className="nav-item"
      aria-current={selected ? 'page' : undefined}
      title={title ?? label}
      tabIndex={tabbable ? 0 : -1}
      aria-describedby={tabbable ? hint : undefined}
      data-nav-key={navKey}
      onClick={onSelect}
      onContextMenu={onContextMenu}
      draggable={onDragStart ? true : undefined}
      onDragStart={onDragStart}
    >
      {icon}
      <span className="nav-label" dir="auto">
        {label}
        {detail && <span className="nav-detail"> {detail}</span>}
      </span>
      {badge}
      {count ? (
        <span className="nav-count" aria-label={`${count.toLocaleString()} unread`}>
          {count > 9999 ? '9999+' : count.toLocaleString()}
        </span>
      ) : null}
    </button>
  );
});
