import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';

import { ACCESS_RULE, type AccessRule } from '../src/auth/access.decorators';
import { startTestApp, type TestApp } from './support/test-app';

interface Route {
  route: string;
  rule: AccessRule | undefined;
}

/**
 * Walks every controller of the real app: each route must state who may call it. A route added
 * later without a decorator fails here (and the guard refuses it at run time).
 */
describe('route access scan', () => {
  let t: TestApp;
  let routes: Route[];
  beforeAll(async () => {
    t = await startTestApp({ imports: [DiscoveryModule] });
    const discovery = t.app.get(DiscoveryService);
    const scanner = t.app.get(MetadataScanner);
    const reflector = t.app.get(Reflector);
    routes = discovery.getControllers().flatMap((wrapper) => {
      const instance = wrapper.instance as object;
      const prototype = Object.getPrototypeOf(instance) as object;
      const controllerPath = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype as object) ?? '');
      return scanner.getAllMethodNames(prototype).flatMap((name) => {
        const handler = (prototype as Record<string, unknown>)[name] as object;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) return [];
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
          handler as never,
          wrapper.metatype as never,
        ]);
        return [
          {
            route: `${method} ${controllerPath}/${String(Reflect.getMetadata(PATH_METADATA, handler))}`,
            rule,
          },
        ];
      });
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds the routes', () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
  });

  it('has an access rule on every route', () => {
    expect(routes.filter((route) => route.rule === undefined).map((route) => route.route)).toEqual([]);
  });

  it('keeps public routes to the known few', () => {
    const publicRoutes = routes.filter((route) => route.rule?.kind === 'public').map((route) => route.route);
    expect(publicRoutes.sort()).toEqual([
      'GET api/health',
      'GET api/ready',
      'GET demo/shop',
      // Signed webhook deliveries: the signature over the raw body is the credential.
      'GET hooks/meta/:brandId',
      'POST auth/login',
      'POST demo/actions',
      'POST demo/fan-token',
      'POST hooks/generic/:brandId',
      'POST hooks/meta/:brandId',
    ]);
  });

  it('guards every widget route with a widget rule', () => {
    const widgetRoutes = routes.filter((route) => route.route.includes(' widget/'));
    expect(widgetRoutes.map((route) => route.route).sort()).toEqual([
      'GET widget/accounts',
      'GET widget/config',
      'GET widget/history',
      'GET widget/me',
      'GET widget/redemptions',
      'GET widget/rewards',
      'GET widget/ways-to-earn',
      'POST widget/link-codes',
      'POST widget/redemptions',
    ]);
    expect(widgetRoutes.filter((route) => route.rule?.kind !== 'widget').map((route) => route.route)).toEqual(
      [],
    );
  });

  it('guards every route under a brand with a brand rule, webhook receivers aside', () => {
    const brandRoutes = routes.filter(
      (route) => route.route.includes(':brandId') && !route.route.includes(' hooks/'),
    );
    expect(brandRoutes.length).toBeGreaterThan(0);
    expect(brandRoutes.filter((route) => route.rule?.kind !== 'brand').map((route) => route.route)).toEqual(
      [],
    );
  });
});
