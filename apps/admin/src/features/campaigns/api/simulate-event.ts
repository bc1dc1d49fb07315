import { useMutation } from '@tanstack/react-query';

import { api, unwrap } from '@/lib/api/client';
import type { SimulateDto, SimulationDto } from '@/lib/api/types';

/** Books nothing: a mutation only because it is a POST the user triggers, not cached data. */
export function simulateEvent(brandId: string, body: SimulateDto): Promise<SimulationDto> {
  return unwrap(api.POST('/api/v1/brands/{brandId}/rules/simulate', { params: { path: { brandId } }, body }));
}

export function useSimulateEvent(brandId: string) {
  return useMutation({ mutationFn: (body: SimulateDto) => simulateEvent(brandId, body) });
}
