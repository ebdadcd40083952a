import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../client';
import { demoInfoSchema, loginSchema, sessionSchema, sessionSwitchSchema, userSchema, type Login } from '../schemas';

export const sessionKeys = { all: ['session'] as const };
export const sessionQuery = () => queryOptions({ queryKey: sessionKeys.all, queryFn: ({ signal }) => request('/session', { schema: sessionSchema, signal }) });

/** Demo mode only: act as another user, which changes what the backend allows. */
export const switchSession = (body: z.infer<typeof sessionSwitchSchema>) => request('/session', { method: 'PUT', body, schema: sessionSchema });

export const userKeys = { all: ['users'] as const };
export const usersQuery = () => queryOptions({ queryKey: userKeys.all, queryFn: ({ signal }) => request('/users', { schema: z.array(userSchema), signal }), staleTime: 5 * 60_000 });

/** Demo mode only: restore the seeded data. */
export const resetDemo = () => request('/demo/reset', { method: 'POST', schema: z.object({ ok: z.literal(true) }) });

/** The server: sign in and out. The session cookie is HttpOnly; the page never sees it. */
export const signIn = (body: Login) => request('/session', { method: 'POST', body: loginSchema.parse(body), schema: sessionSchema });
export const signOut = () => request('/session', { method: 'DELETE', schema: z.object({ ok: z.literal(true) }) });
export const demoInfoQuery = () => queryOptions({ queryKey: ['demo-info'], queryFn: ({ signal }) => request('/demo', { schema: demoInfoSchema, signal }), staleTime: 60_000 });
