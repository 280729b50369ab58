// The one way components reach the core: window.paperboy, handed down through context so tests
// can hand in another bridge.
import { createContext, useContext } from 'react';
import type { PaperboyBridge } from '../../../shared/api';

export const BridgeContext = createContext<PaperboyBridge | null>(null);

export function useBridge(): PaperboyBridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge outside <BridgeContext.Provider>');
  return bridge;
}
