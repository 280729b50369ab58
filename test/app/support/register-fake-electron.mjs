// `node --import ./register-fake-electron.mjs ...`: see ./electron-hooks.mjs.
import { register } from 'node:module';

register('./electron-hooks.mjs', import.meta.url);
