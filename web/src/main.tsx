// Entry point of the page's bundle (Vite builds it into dist/web/static).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { connectLive } from './live.js';
import './styles.css';

const live = connectLive();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App live={live} />
  </StrictMode>,
);
