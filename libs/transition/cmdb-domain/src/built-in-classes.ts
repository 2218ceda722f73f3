import { CiClassFieldsV1, ITEM_CRITICALITIES } from '@itsm/contracts/transition';
import { CRITICALITY_ATTRIBUTE } from './item-rules';

/** A class that comes with the product: stored at start-up under a fixed id, never changed through the API. */
export interface BuiltInCiClass extends CiClassFieldsV1 {
  id: string;
}

/** The class of design's catalogue services in the CMDB; impact analysis reports the items of this class it reaches. */
export const BUSINESS_SERVICE_CLASS = 'business_service';

/**
 * Every built-in class's criticality (design's scale, `ITEM_CRITICALITIES`), optional: a change's risk
 * weighs the most critical item it touches, whatever its class (a server's as much as a business service's).
 */
const CRITICALITY: BuiltInCiClass['attributes'][number] = { name: CRITICALITY_ATTRIBUTE, type: 'enum', required: false, values: [...ITEM_CRITICALITIES] };

/**
 * The classes every CMDB starts with (ITIL's usual top-level classes). Their ids are fixed so that
 * every replica stores the same records whichever starts first.
 */
export const BUILT_IN_CI_CLASSES: readonly BuiltInCiClass[] = [
  {
    id: '00000000-0000-7000-8000-000000000001',
    key: BUSINESS_SERVICE_CLASS,
    name: 'Business service',
    description: 'A service the business consumes; design publishes its catalogue services as items of this class.',
    attributes: [
      CRITICALITY,
      { name: 'service_type', type: 'enum', required: false, values: ['business', 'technical'] },
    ],
  },
  {
    id: '00000000-0000-7000-8000-000000000002',
    key: 'application',
    name: 'Application',
    attributes: [
      CRITICALITY,
      { name: 'version', type: 'string', required: false },
      { name: 'vendor', type: 'string', required: false },
      { name: 'url', type: 'string', required: false },
    ],
  },
  {
    id: '00000000-0000-7000-8000-000000000003',
    key: 'server',
    name: 'Server',
    attributes: [
      CRITICALITY,
      { name: 'hostname', type: 'string', required: false },
      { name: 'operating_system', type: 'string', required: false },
      { name: 'cpu_cores', type: 'integer', required: false },
      { name: 'memory_gb', type: 'number', required: false },
      { name: 'virtual', type: 'boolean', required: false },
    ],
  },
  {
    id: '00000000-0000-7000-8000-000000000004',
    key: 'database',
    name: 'Database',
    attributes: [
      CRITICALITY,
      { name: 'engine', type: 'string', required: false },
      { name: 'version', type: 'string', required: false },
    ],
  },
  {
    id: '00000000-0000-7000-8000-000000000005',
    key: 'network_device',
    name: 'Network device',
    attributes: [
      CRITICALITY,
      { name: 'device_type', type: 'enum', required: false, values: ['router', 'switch', 'firewall', 'load_balancer', 'access_point', 'other'] },
      { name: 'ip_address', type: 'string', required: false },
    ],
  },
];
