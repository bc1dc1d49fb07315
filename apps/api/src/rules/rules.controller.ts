import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { BrandAccess } from '../auth/access.decorators';
import { SimulateDto, SimulationDto } from './dto/simulate.dto';
import { SimulatorService } from './simulator.service';

@ApiTags('rules')
@Controller('brands/:brandId/rules')
export class RulesController {
  constructor(private readonly simulator: SimulatorService) {}

  @Post('simulate')
  @HttpCode(200)
  @BrandAccess({ roles: ['owner', 'manager'] })
  @ApiOperation({ summary: 'What an event would earn now and why — books nothing' })
  @ApiOkResponse({ type: SimulationDto })
  async simulate(
    @Param('brandId', ParseUUIDPipe) brandId: string,
    @Body() body: SimulateDto,
  ): Promise<SimulationDto> {
    return this.simulator.simulate(brandId, body);
  }
}
