import { useQuery } from '@tanstack/react-query';
import { request } from '../../api';
import { CppccViewerDocument, type CppccLevel, type CppccViewerQuery } from '../../generated/graphql';

export type CppccViewer = NonNullable<CppccViewerQuery['viewer']>;

/** Who is signed in, with what the CPPCC pages need: a member's id and committees, a unit's id and level. */
export function useCppccViewer() {
  return useQuery({ queryKey: ['cppccViewer'], queryFn: async () => (await request(CppccViewerDocument)).viewer, staleTime: Infinity });
}

/** The member signed in (null for anyone else). */
export function memberOf(viewer: CppccViewer | null | undefined): { id: string; name: string; levels: CppccLevel[] } | null {
  return viewer?.organization?.__typename === 'CppccMember' ? viewer.organization : null;
}

/** The handling unit signed in (null for anyone else). */
export function unitOf(viewer: CppccViewer | null | undefined): { id: string; name: string; level: CppccLevel } | null {
  return viewer?.organization?.__typename === 'HandlingUnit' ? viewer.organization : null;
}
