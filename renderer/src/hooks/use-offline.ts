// Whether the host says the network is gone: asked once, then told by 'network-changed'.
import { useEffect, useState } from 'react';
import { useBridge } from './bridge';

export function useOffline(): boolean {
  const bridge = useBridge();
  const [offline, setOffline] = useState(() => bridge.isOffline());
  useEffect(() => {
    setOffline(bridge.isOffline());
    return bridge.on('network-changed', ({ online }) => setOffline(!online));
  }, [bridge]);
  return offline;
}
