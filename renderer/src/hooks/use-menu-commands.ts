// The native menu's requests (Add feed, Sync, Search, ...), sent by the Electron shell as core
// events; the handler given at the latest render answers them.
import { useEffect } from 'react';
import type { UiCommand } from '../../../shared/api';
import { useBridge } from './bridge';
import { useLatest } from './use-latest';

export function useMenuCommands(handle: (command: UiCommand) => void): void {
  const bridge = useBridge();
  const latest = useLatest(handle);
  useEffect(() => bridge.on('command', (command) => latest.current(command)), [bridge, latest]);
}
