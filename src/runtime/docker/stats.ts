// One resource sample of a container (GET /containers/{id}/stats?stream=false): the engine reads
// twice, a second apart, so precpu_stats is filled and CPU % can be computed from the pair.
import type Docker from 'dockerode';

export interface CpuStats {
  cpu_usage?: { total_usage?: number; percpu_usage?: number[] };
  system_cpu_usage?: number;
  online_cpus?: number;
}

export interface EngineStats {
  read?: string;
  cpu_stats?: CpuStats;
  precpu_stats?: CpuStats;
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
  blkio_stats?: { io_service_bytes_recursive?: Array<{ op?: string; value?: number }> | null };
  pids_stats?: { current?: number };
}

export async function sampleStats(docker: Docker, id: string): Promise<EngineStats> {
  return (await docker.getContainer(id).stats({ stream: false })) as unknown as EngineStats;
}
