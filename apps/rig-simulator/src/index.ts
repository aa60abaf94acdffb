export { RigSimulator } from './rig/rig-simulator';
export { type RigOptions } from './rig/rig-options';
export { type RigStats } from './rig/rig-stats';
export { parseCheatMode, type CheatMode } from './cheat/cheat-mode';
