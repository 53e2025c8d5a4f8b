import type { InputKind } from '../model';
import { describeJsonValue, hasOwnField, isRecord, ownField } from './text';

/**
 * Recognises what a parsed file is by its shape: one of the four Alibaba Cloud responses (raw,
 * `--pager` merged, SDK `toMap()` dump, or an array of these), another cloud's export, or
 * something else. Never by file name.
 */
export type AlibabaKind = Extract<InputKind, `alibaba:${string}`>;

export interface DetectedResponse {
  kind: AlibabaKind;
  response: Record<string, unknown>;
  /** JSON path of the response inside the file: `$`, `$[2]`, `$.body`. */
  path: string;
}

export interface Rejection {
  code: 'wrong-provider' | 'not-an-export';
  /** A clause that follows "<file>: " (or "<file>, <path>: "). */
  detail: string;
}

export type Detection =
  | {
      type: 'alibaba';
      responses: DetectedResponse[];
      rejectedElements: (Rejection & { path: string })[];
    }
  | ({ type: 'rejected' } & Rejection);

export function detect(value: unknown): Detection {
  if (!Array.isArray(value)) {
    const one = detectOne(value, '$');
    return 'kind' in one
      ? { type: 'alibaba', responses: [one], rejectedElements: [] }
      : { type: 'rejected', ...one };
  }
  if (value.length === 0)
    return {
      type: 'rejected',
      code: 'not-an-export',
      detail: 'not an Alibaba Cloud export: the file is an empty array',
    };
  const provider = otherProvider(value);
  if (provider !== null) return { type: 'rejected', ...wrongProvider(provider) };

  const responses: DetectedResponse[] = [];
  const rejectedElements: (Rejection & { path: string })[] = [];
  for (let index = 0; index < value.length; index += 1) {
    const path = `$[${index}]`;
    const one = detectOne(value[index], path);
    if ('kind' in one) responses.push(one);
    else rejectedElements.push({ ...one, path });
  }
  if (responses.length === 0) {
    const first = rejectedElements[0]!;
    const detail =
      first.code === 'wrong-provider'
        ? first.detail
        : `not an Alibaba Cloud export: the file is an array of ${value.length} elements and none is an Alibaba Cloud response (element 0 is ${describeJsonValue(value[0])})`;
    return { type: 'rejected', code: first.code, detail };
  }
  return { type: 'alibaba', responses, rejectedElements };
}

function detectOne(value: unknown, path: string): DetectedResponse | Rejection {
  let response = value;
  let responsePath = path;
  // SDK toMap(): { headers, statusCode, body: { ...the response } }.
  if (
    isRecord(response) &&
    isRecord(ownField(response, 'body')) &&
    (hasOwnField(response, 'statusCode') || hasOwnField(response, 'headers'))
  ) {
    response = ownField(response, 'body');
    responsePath = `${path}.body`;
  }
  if (isRecord(response)) {
    const kind = alibabaKind(response);
    if (kind !== null) return { kind, response, path: responsePath };
  }
  const provider = otherProvider(response);
  if (provider !== null) return wrongProvider(provider);
  return {
    code: 'not-an-export',
    detail: `not an Alibaba Cloud export: found ${describeJsonValue(response)}`,
  };
}

function alibabaKind(response: Record<string, unknown>): AlibabaKind | null {
  if (isRecord(ownField(response, 'SecurityGroups'))) return 'alibaba:DescribeSecurityGroups';
  if (
    hasOwnField(response, 'SecurityGroupId') &&
    (hasOwnField(response, 'Permissions') || hasOwnField(response, 'InnerAccessPolicy'))
  ) {
    return 'alibaba:DescribeSecurityGroupAttribute';
  }
  if (isRecord(ownField(response, 'Instances'))) return 'alibaba:DescribeInstances';
  if (isRecord(ownField(response, 'NetworkInterfaceSets')))
    return 'alibaba:DescribeNetworkInterfaces';
  return null;
}

function wrongProvider(what: string): Rejection {
  return { code: 'wrong-provider', detail: `detected ${what}, expected an Alibaba Cloud export` };
}

const SAMPLE_SIZE = 5;

/** Other clouds' and tools' exports, recognised so the message says what the file is. */
function otherProvider(value: unknown): string | null {
  if (Array.isArray(value)) {
    const sample = value.slice(0, SAMPLE_SIZE);
    if (sample.length === 0 || !sample.every(isRecord)) return null;
    if (sample.every(isGcpFirewall))
      return 'Google Cloud firewall rules (gcloud compute firewall-rules list) output';
    if (sample.every(isAzureNsg))
      return 'Azure network security groups (az network nsg list) output';
    if (sample.every(isAzureRule))
      return 'Azure network security group rules (az network nsg rule list) output';
    return null;
  }
  if (!isRecord(value)) return null;
  const groups = ownField(value, 'SecurityGroups');
  if (
    Array.isArray(groups) &&
    (groups.length === 0 ||
      (isRecord(groups[0]) &&
        (hasOwnField(groups[0], 'GroupId') || hasOwnField(groups[0], 'IpPermissions'))))
  ) {
    return 'AWS describe-security-groups output';
  }
  if (Array.isArray(ownField(value, 'Reservations'))) return 'AWS describe-instances output';
  if (isAzureNsg(value)) return 'an Azure network security group (az network nsg show) output';
  const azureList = ownField(value, 'value');
  if (
    Array.isArray(azureList) &&
    azureList.length > 0 &&
    azureList.slice(0, SAMPLE_SIZE).every((item) => isRecord(item) && isAzureNsg(item))
  ) {
    return 'Azure network security groups (Azure REST list) output';
  }
  if (
    hasOwnField(value, 'format_version') &&
    (hasOwnField(value, 'values') ||
      hasOwnField(value, 'planned_values') ||
      hasOwnField(value, 'resource_changes'))
  ) {
    return 'Terraform state or plan JSON (terraform show -json), which is not supported yet';
  }
  const gcpKind = ownField(value, 'kind');
  if (gcpKind === 'compute#firewall' || gcpKind === 'compute#firewallList')
    return 'Google Cloud firewall rules output';
  return null;
}

function isGcpFirewall(item: Record<string, unknown>): boolean {
  return (
    hasOwnField(item, 'sourceRanges') ||
    hasOwnField(item, 'allowed') ||
    hasOwnField(item, 'denied') ||
    ownField(item, 'kind') === 'compute#firewall'
  );
}

function isAzureNsg(item: Record<string, unknown>): boolean {
  const type = ownField(item, 'type');
  if (typeof type === 'string' && type.toLowerCase() === 'microsoft.network/networksecuritygroups')
    return true;
  if (hasOwnField(item, 'securityRules') || hasOwnField(item, 'defaultSecurityRules')) return true;
  const properties = ownField(item, 'properties');
  return isRecord(properties) && hasOwnField(properties, 'securityRules');
}

function isAzureRule(item: Record<string, unknown>): boolean {
  const type = ownField(item, 'type');
  if (
    typeof type === 'string' &&
    type.toLowerCase() === 'microsoft.network/networksecuritygroups/securityrules'
  )
    return true;
  return hasOwnField(item, 'sourceAddressPrefix') && hasOwnField(item, 'destinationPortRange');
}
