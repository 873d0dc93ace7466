import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import helmet from '@fastify/helmet'
import compress from '@fastify/compress'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Db } from './db/connect'
import type { Reference } from './shared/reference'
import { registerErrorHandling } from './shared/error-handler'
import { refuseNonFiniteNumbers } from './shared/finite-numbers'
import { lazySchemaCompilers } from './startup/lazy-schema-compilers'
import { registerH5Static } from './shared/h5-static'
import { healthRoutes } from './features/health/routes'
import { institutionRoutes } from './features/institutions/routes'
import { keepNearbyIndex, type NearbyIndexKeeper } from './features/institutions/nearby/nearby-index-keeper'
import { regionRoutes } from './features/regions/routes'
import { gradeRoutes } from './features/grades/routes'
import { authRoutes } from './features/auth/routes'
import { meRoutes } from './features/me/routes'
import { rolesRoutes } from './features/roles/routes'
import { privacyRoutes } from './features/privacy/routes'
import { complaintRoutes } from './features/complaints/routes'
import { complaintPhotoRoutes } from './features/complaints/photos/routes'
import { noticeRoutes } from './features/notices/routes'
import { classRoutes } from './features/classes/routes'
import { articleRoutes } from './features/articles/routes'
import { guidanceRoutes } from './features/guidance/routes'
import { bulletinRoutes } from './features/bulletins/routes'
import { sanctionRoutes } from './features/sanctions/routes'
import { statsRoutes } from './features/stats/routes'
import { mapRoutes } from './features/map/routes'
import { subsidyRoutes } from './features/subsidies/routes'
import { prepaymentRoutes } from './features/prepayments/routes'
import { guidePriceRoutes } from './features/guide-prices/routes'
import { tileOrigins, type TileSource } from './features/map/tile-source'
import type { Population } from './features/stats/population'
import type { CodeSender } from './features/auth/code-sender'
import { registerAuth } from './shared/auth'
import { registerPersonalData } from './shared/personal-data'
import { acceptEmptyBodies } from './shared/empty-body'
import type { Redis } from 'ioredis'
import type { PhotoStorage } from './features/complaints/photos/storage'
import type { Department } from '../types/complaints'
import type { MessageTemplates } from '../types/classes'
import type { MiniprogramState } from './shared/wechat/client'
import { registerWechat } from './shared/wechat/register'
import { wechatPushRoutes } from './shared/wechat/push-routes'

declare module 'fastify' {
  interface FastifyInstance {
    database: Db
    reference: Reference
    settings: AppSettings
    nearbyIndex: NearbyIndexKeeper
  }
}

/** What the features need from the configuration, resolved (the WeChat stand-in already started, Redis connected). */
export interface AppSettings {
  jwtSecret: string
  accessTokenSeconds: number
  refreshTokenDays: number
  wechat: { apiBase: string; appId: string; appSecret: string }
  /**
   * How WeChat reaches this BFF: publicBaseUrl is where it fetches images to check (signed links), pushToken signs its
   * message pushes to /api/wechat/events. Unset: image checks cannot be asked for and pushes are refused.
   */
  wechatCallbacks?: { publicBaseUrl: string; pushToken: string }
  /** Shared rate-limit counters; null keeps them in memory (one instance). */
  redis: Redis | null
  codeSender: CodeSender
  complaints: {
    /** Days to accept or reject, and to reply, counted from filing (§9 handling targets; configurable). */
    acceptDays: number
    replyDays: number
    photoStorage: PhotoStorage
    /** Each department's intake endpoint (e.g. the 12345 platform) that accepted complaints are forwarded to. */
    intakeUrls: Record<Department, string>
    /** Largest photo upload accepted; 8 MB when unset. */
    photoMaxBytes?: number
  }
  classes: {
    /** WeChat subscription-message templates per message kind; null: that kind is not offered. */
    messageTemplates: MessageTemplates
    /** Which version of the mini-program a message opens. */
    miniprogramState: MiniprogramState
  }
  /** 数据概览; unset: the population data shipped with the release, cached 300 s. */
  stats?: {
    population: Population
    /** How long one computed answer is served (and the max-age sent); 0 computes every request. */
    cacheSeconds: number
  }
  /** The H5 map's tiles; unset: the BFF's own stand-in tiles, zoom 3–18. */
  mapTiles?: TileSource
  /** The in-memory nearby search: how often each instance reads the change log (ms); unset: every second; 0: before every search. */
  nearbyIndex?: { refreshMs: number }
}

export interface AppOptions {
  database: Db
  reference: Reference
  settings: AppSettings
  /** Behind a load balancer: client IPs from X-Forwarded-For. */
  trustProxy?: boolean
  /** Directory of the H5 build to serve at '/'; skipped when it does not exist. */
  h5Dir?: string
  logger?: FastifyServerOptions['logger']
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    ajv: { customOptions: { allErrors: false }, plugins: [refuseNonFiniteNumbers] },
    schemaController: lazySchemaCompilers,
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.decorate('database', options.database)
  app.decorate('reference', options.reference)
  app.decorate('settings', options.settings)
  const nearbyIndex = keepNearbyIndex(options.database.db, {
    refreshMs: options.settings.nearbyIndex?.refreshMs ?? 1000,
    onError: (error) => app.log.warn({ err: error }, 'nearby index: could not read the institution change log'),
  })
  app.decorate('nearbyIndex', nearbyIndex)
  app.addHook('onClose', () => nearbyIndex.stop())
  // Before every route: wx.request declares a JSON body also when it sends none.
  acceptEmptyBodies(app)
  registerPersonalData(app)
  registerWechat(app)
  await registerAuth(app, options.settings)

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // The H5 map loads its tiles straight from the provider (each subdomain of {s} its own origin).
        imgSrc: ["'self'", 'data:', 'blob:', ...tileOrigins(options.settings.mapTiles)],
        connectSrc: ["'self'"],
      },
    },
  })

  // API answers, compressed per request; the H5 build's files are compressed once, at build time (shared/h5-static.ts).
  await app.register(compress, { threshold: 1024 })

  registerErrorHandling(app)

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: '吉林托育 BFF', version: '0.1.0', description: 'API of the Jilin public childcare service (parents, committees, centres, regulators).' },
      tags: [
        { name: 'institutions' },
        { name: 'reference' },
        { name: 'auth' },
        { name: 'me' },
        { name: 'roles' },
        { name: 'privacy' },
        { name: 'complaints' },
        { name: 'notices' },
        { name: 'classes' },
        { name: 'centre' },
        { name: 'articles' },
        { name: 'guidance' },
        { name: 'bulletins' },
        { name: 'sanctions' },
        { name: 'stats' },
        { name: 'map' },
        { name: 'subsidies' },
        { name: 'prepayments' },
        { name: 'guide-prices' },
        { name: 'health' },
      ],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })

  await app.register(
    async (api) => {
      await api.register(healthRoutes)
      await api.register(institutionRoutes)
      await api.register(regionRoutes)
      await api.register(gradeRoutes)
      await api.register(authRoutes)
      await api.register(meRoutes)
      await api.register(rolesRoutes)
      await api.register(privacyRoutes)
      await api.register(complaintRoutes)
      await api.register(complaintPhotoRoutes)
      await api.register(noticeRoutes)
      await api.register(classRoutes)
      await api.register(articleRoutes)
      await api.register(guidanceRoutes)
      await api.register(bulletinRoutes)
      await api.register(sanctionRoutes)
      await api.register(statsRoutes)
      await api.register(mapRoutes)
      await api.register(subsidyRoutes)
      await api.register(prepaymentRoutes)
      await api.register(guidePriceRoutes)
      await api.register(wechatPushRoutes)
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
    },
    { prefix: '/api' },
  )

  await registerH5Static(app, options.h5Dir)

  return app
}
