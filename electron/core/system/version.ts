// The app's version and the User-Agent every request carries.
import pkg from '../../../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
export const USER_AGENT = `Paperboy/${VERSION} (offline news reader)`;
