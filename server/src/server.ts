import * as path from 'node:path';
import { loadModule } from './codeCache';

/**
 * The server's entry (`dist/server.js`): it loads the language server bundled at `dist/serverMain.js` through
 * the V8 code cache, so a start after the first skips compiling the functions the earlier process ran.
 */
loadModule(path.join(__dirname, 'serverMain.js'));
