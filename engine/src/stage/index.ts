// Foundation — the stage contract every stage implements.

export type { Stage } from './stage.ts'
export { stageContext } from './stage.ts'
