// Where Paperboy keeps its data: the platform's app-data folder, the same one Electron's
// app.getPath('userData') gives for productName "Paperboy", so the CLI and the app share it.
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Paperboy';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.PAPERBOY_DATA_DIR) return path.resolve(env.PAPERBOY_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}
