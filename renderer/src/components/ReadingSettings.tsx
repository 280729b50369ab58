// Reading preferences: the article's text size and how dense the article list is.
import { SETTING_LIMITS, type ListDensity, type Settings } from '../../../shared/types';

export interface ReadingSettingsProps {
  readonly settings: Settings;
  readonly update: (patch: Partial<Settings>) => void;
}

const DENSITIES: readonly { readonly value: ListDensity; readonly label: string }[] = [
  { value: 'comfortable', label: 'Comfortable: title and two lines of the text' },
  { value: 'compact', label: 'Compact: titles only, more rows on screen' },
];

const { min, max } = SETTING_LIMITS.articleFontSize;
const SIZES = Array.from({ length: max - min + 1 }, (_, i) => min + i);

export function ReadingSettings({ settings, update }: ReadingSettingsProps) {
  return (
    <fieldset className="settings-group">
      <legend>Reading</legend>
      <div className="setting">
        <label htmlFor="article-font-size">Article text size</label>
        <select id="article-font-size" className="select-field narrow" value={settings.articleFontSize} onChange={(event) => update({ articleFontSize: Number(event.target.value) })}>
          {SIZES.map((size) => (
            <option key={size} value={size}>
              {size} px{size === 17 ? ' (default)' : ''}
            </option>
          ))}
        </select>
      </div>
      {DENSITIES.map((density) => (
        <div className="setting" key={density.value}>
          <label>
            <input type="radio" name="list-density" checked={settings.listDensity === density.value} onChange={() => update({ listDensity: density.value })} /> {density.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
