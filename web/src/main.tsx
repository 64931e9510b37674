import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api';
import { App } from './App';
import { LanguageProvider } from './i18n';
import './styles.css';

const client = new QueryClient({
  defaultOptions: {
    queries: {
      // A refused or invalid request stays refused: retry only what may pass on a second try.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status < 500 && error.status !== 0),
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});

// A session that ended (idle, signed out elsewhere, account disabled) makes the next request anonymous: whatever it is
// refused, ask again who is signed in, and a reader no longer signed in is back on the sign-in page.
const refused = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);
const checkViewer = (error: unknown, key: unknown) => {
  if (error instanceof ApiError && refused.has(error.code) && key !== 'viewer') void client.invalidateQueries({ queryKey: ['viewer'] });
};
client.getQueryCache().subscribe((event) => {
  if (event.type === 'updated') checkViewer(event.query.state.error, event.query.queryKey[0]);
});
client.getMutationCache().subscribe((event) => {
  if (event.type === 'updated') checkViewer(event.mutation.state.error, null);
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LanguageProvider>
      <QueryClientProvider client={client}>
        <App />
      </QueryClientProvider>
    </LanguageProvider>
  </StrictMode>,
);
