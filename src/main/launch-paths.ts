/**
 * The files and folders named on the command line (`sg-audit-app export/ other.zip`), for
 * `launchFiles` (src/main/export-files.ts reads them). Pure: the caller passes `process.argv`,
 * `process.defaultApp` and the cwd.
 */
import { resolve } from 'node:path';

export interface LaunchArguments {
  argv: readonly string[];
  /**
   * True when run as `electron <app> …` (development, tests): then argv[1] onwards starts with the app
   * path, which is not an input. A packaged app's argv is `[exe, …inputs]`.
   */
  defaultApp: boolean;
  cwd: string;
}

export function launchPathsFromArgv({ argv, defaultApp, cwd }: LaunchArguments): string[] {
  const positional: string[] = [];
  let switchesEnded = false;
  let skipValue = false;
  for (const argument of argv.slice(1)) {
    if (skipValue) {
      skipValue = false;
      continue;
    }
    if (!switchesEnded && argument === '--') {
      switchesEnded = true;
      continue;
    }
    // Electron's `-r module` (`--require`) takes its value as the next argument: a module, not an input.
    if (!switchesEnded && defaultApp && (argument === '-r' || argument === '--require')) {
      skipValue = true;
      continue;
    }
    // Electron, Chromium and Node switches (`--inspect=0`, `--no-sandbox`, macOS's `-psn_…`) are not inputs.
    if (!switchesEnded && argument.startsWith('-')) continue;
    if (argument === '') continue;
    positional.push(argument);
  }
  if (defaultApp) positional.shift();
  return positional.map((path) => resolve(cwd, path));
}
