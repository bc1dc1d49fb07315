import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsNumber, Max, Min } from 'class-validator';

import { Public } from '../auth/access.decorators';
import { ApiProblemResponse } from '../common/errors/api-problem.decorator';
import { IfPresent } from '../common/http/validators';
import { type DemoAction, DEMO_CUSTOMERS, DemoShopService } from './demo-shop.service';

const CUSTOMER_IDS = DEMO_CUSTOMERS.map((customer) => customer.id);

class DemoCustomerDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

class DemoShopDto {
  @ApiProperty() brandName!: string;
  @ApiProperty() publishableKey!: string;
  @ApiProperty({ type: [DemoCustomerDto] }) customers!: DemoCustomerDto[];
}

class DemoTokenRequestDto {
  @ApiProperty({ enum: CUSTOMER_IDS })
  @IsIn(CUSTOMER_IDS)
  customerId!: string;
}

class DemoTokenDto {
  @ApiProperty() token!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

class DemoActionRequestDto {
  @ApiProperty({ enum: CUSTOMER_IDS })
  @IsIn(CUSTOMER_IDS)
  customerId!: string;

  @ApiProperty({ enum: ['purchase', 'review'] })
  @IsIn(['purchase', 'review'])
  action!: DemoAction;

  @ApiPropertyOptional({ minimum: 0.5, maximum: 500, description: 'Euros, for a purchase' })
  @IfPresent()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.5)
  @Max(500)
  amount?: number;
}

class DemoActionDto {
  @ApiProperty() status!: string;
  @ApiProperty() points!: number;
}

/** The demo shop at `/demo`: only with the demo brand, where the demo is enabled. */
@ApiTags('demo')
@Controller('demo')
@Public()
@ApiProblemResponse(404, 'The demo is not enabled here, or the customer is not a demo customer.')
export class DemoShopController {
  constructor(private readonly demo: DemoShopService) {}

  @Get('shop')
  @ApiOperation({ summary: "The demo brand's publishable key and the demo customers" })
  @ApiOkResponse({ type: DemoShopDto })
  async shop(): Promise<DemoShopDto> {
    const { brand } = await this.demo.shop();
    return {
      brandName: brand.name,
      publishableKey: brand.widgetKey,
      customers: DEMO_CUSTOMERS.map(({ id, name }) => ({ id, name })),
    };
  }

  @Post('fan-token')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A fan token for a demo customer',
    description: "What a shop's backend does for its logged-in customer (see the README); demo only.",
  })
  @ApiOkResponse({ type: DemoTokenDto })
  async token(@Body() body: DemoTokenRequestDto): Promise<DemoTokenDto> {
    const { token, expiresAt } = await this.demo.mintToken(body.customerId);
    return { token, expiresAt: expiresAt.toISOString() };
  }

  @Post('actions')
  @HttpCode(200)
  @ApiOperation({ summary: "A demo customer's purchase or review, sent as a real engagement event" })
  @ApiOkResponse({ type: DemoActionDto })
  async act(@Body() body: DemoActionRequestDto): Promise<DemoActionDto> {
    const outcome = await this.demo.act(body.customerId, body.action, body.amount ?? 12.5);
    return { status: outcome.status, points: outcome.points };
  }
}
