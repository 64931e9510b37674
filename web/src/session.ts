import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { postJson, request } from './api';
import { ViewerDocument, type ViewerQuery } from './generated/graphql';

export type SignedIn = NonNullable<ViewerQuery['viewer']>;

/** Forgets every answer but who is signed in (whose observers stay subscribed): they were read as someone else. */
function forgetAnswers(client: QueryClient) {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'viewer' });
}

/** Who is signed in (null: nobody), read once and kept until a sign-in or sign-out changes it. */
export function useViewer() {
  return useQuery({ queryKey: ['viewer'], queryFn: async () => (await request(ViewerDocument)).viewer, staleTime: Infinity });
}

/** Signs in (POST /auth/sign-in sets the session cookie), then forgets every answer read as the previous viewer. */
export function useSignIn() {
  const client = useQueryClient();
  return async (username: string, password: string) => {
    await postJson('/auth/sign-in', { username, password });
    forgetAnswers(client);
    await client.refetchQueries({ queryKey: ['viewer'] });
  };
}

export function useSignOut() {
  const client = useQueryClient();
  return async () => {
    await postJson('/auth/sign-out', {});
    forgetAnswers(client);
    client.setQueryData(['viewer'], null);
  };
}
