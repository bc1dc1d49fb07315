import { type PipeTransform } from '@nestjs/common';

import { isUuid } from '@fanfare/shared';

import { NotFound } from '../errors/domain-error';

/** A resource id in the path: anything that is not a UUID names nothing, so it answers 404. */
export class ResourceIdPipe implements PipeTransform<string, string> {
  constructor(private readonly what: string) {}

  transform(value: string): string {
    if (!isUuid(value)) {
      throw new NotFound(this.what);
    }
    return value.toLowerCase();
  }
}
