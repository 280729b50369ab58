// Entry point. In Electron the preload has defined window.paperboy; anywhere else we are in the
// browser preview and talk to the preview server over HTTP.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './bridge/global';
import { installHttpBridge } from './bridge/http-bridge';
import { BridgeContext } from './hooks/bridge';
import './styles/base.css';
import './styles/layout.css';
import './styles/sidebar.css';
import './styles/list.css';
import './styles/reader.css';
import './styles/dialogs.css';

const bridge = window.paperboy ?? installHttpBridge(window);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <BridgeContext.Provider value={bridge}>
      <App />
    </BridgeContext.Provider>
  </StrictMode>,
);
