import { z } from 'zod'

/** Inputs shared by several slices. */
export const empty = z.object({}).strict()
export const personRef = z.object({ personId: z.string().min(1).max(64) }).strict()
