// One selectable entry of the sidebar: an icon, a name, an unread count.
import { memo, type ReactNode } from 'react';

export interface NavItemProps {
  readonly label: string;
  readonly icon: ReactNode;
  readonly selected: boolean;
  readonly count?: number;
  readonly title?: string;
  readonly badge?: ReactNode;
  readonly onSelect: () => void;
}

export const NavItem = memo(function NavItem({ label, icon, selected, count, title, badge, onSelect }: NavItemProps) {
  return (
    <button type="button" className="nav-item" aria-current={selected ? 'page' : undefined} title={title} onClick={onSelect}>
      {icon}
      <span className="nav-label">{label}</span>
      {badge}
      {count ? (
        <span className="nav-count" aria-label={`${count.toLocaleString()} unread`}>
          {count > 9999 ? '9999+' : count.toLocaleString()}
        </span>
      ) : null}
    </button>
  );
});
