/**
 * Volume sources as describe prints them: a pod's `Volumes:` and a PersistentVolume's `Source:`
 * (describeVolumes and the print*VolumeSource functions of kubectl 1.32).
 */
import { printLabels, printAnnotations } from './common';
import { nestedWriter, type PrefixWriter } from './tabwriter';
import { goSlice, goValue, num, obj, objs, optObj, str, strMap, strs, quantityString, type J } from './values';

function lines(w: PrefixWriter, title: string, fields: [string, unknown][]): void {
  w.write(2, `Type:\t${title}\n`);
  for (const [k, v] of fields) w.write(0, `    ${k}:\t${typeof v === 'string' ? v : goValue(v)}\n`);
}

function bool(v: unknown): boolean {
  return v === true;
}

/** A `*LocalObjectReference` as Go's `%v` prints it (`&LocalObjectReference{Name:x,}` or `nil`). */
function secretRef(v: unknown): string {
  const r = optObj(v);
  if (!r) return '<nil>';
  return 'namespace' in r ? `&SecretReference{Name:${str(r['name'])},Namespace:${str(r['namespace'])},}` : `&LocalObjectReference{Name:${str(r['name'])},}`;
}

function printVolumeAttributes(w: PrefixWriter, attributes: unknown): void {
  w.write(2, 'VolumeAttributes:\t');
  const m = strMap(attributes);
  const keys = Object.keys(m).sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(2, '\t');
    const line = `${key}=${m[key] ?? ''}`;
    w.write(2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`);
  });
}

/** The sources a pod volume and a PersistentVolume share; false when `v` has none of them. */
function printCommonSource(w: PrefixWriter, v: J, pv: boolean): boolean {
  const s = (key: string) => optObj(v[key]);
  let x: J | undefined;
  if ((x = s('hostPath'))) lines(w, 'HostPath (bare host directory volume)', [['Path', str(x['path'])], ['HostPathType', x['type'] === undefined ? '<none>' : str(x['type'])]]);
  else if ((x = s('gcePersistentDisk'))) lines(w, 'GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)', [['PDName', str(x['pdName'])], ['FSType', str(x['fsType'])], ['Partition', num(x['partition'])], ['ReadOnly', bool(x['readOnly'])]]);
  else if ((x = s('awsElasticBlockStore'))) lines(w, 'AWSElasticBlockStore (a Persistent Disk resource in AWS)', [['VolumeID', str(x['volumeID'])], ['FSType', str(x['fsType'])], ['Partition', num(x['partition'])], ['ReadOnly', bool(x['readOnly'])]]);
  else if ((x = s('nfs'))) lines(w, 'NFS (an NFS mount that lasts the lifetime of a pod)', [['Server', str(x['server'])], ['Path', str(x['path'])], ['ReadOnly', bool(x['readOnly'])]]);
  else if ((x = s('iscsi'))) {
    lines(w, "ISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)", [['TargetPortal', str(x['targetPortal'])], ['IQN', str(x['iqn'])], ['Lun', num(x['lun'])]]);
    w.write(0, `    ISCSIInterface\t${str(x['iscsiInterface'])}\n`);
    for (const [k, val] of [['FSType', str(x['fsType'])], ['ReadOnly', bool(x['readOnly'])], ['Portals', goSlice(x['portals'])], ['DiscoveryCHAPAuth', bool(x['chapAuthDiscovery'])], ['SessionCHAPAuth', bool(x['chapAuthSession'])], ['SecretRef', secretRef(x['secretRef'])], ['InitiatorName', x['initiatorName'] === undefined ? '<none>' : str(x['initiatorName'])]] as const) w.write(0, `    ${k}:\t${goValue(val)}\n`);
  } else if ((x = s('glusterfs'))) {
    if (pv) lines(w, "Glusterfs (a Glusterfs mount on the host that shares a pod's lifetime)", [['EndpointsName', str(x['endpoints'])], ['EndpointsNamespace', x['endpointsNamespace'] === undefined ? '<unset>' : str(x['endpointsNamespace'])], ['Path', str(x['path'])], ['ReadOnly', bool(x['readOnly'])]]);
    else lines(w, "Glusterfs (a Glusterfs mount on the host that shares a pod's lifetime)", [['EndpointsName', str(x['endpoints'])], ['Path', str(x['path'])], ['ReadOnly', bool(x['readOnly'])]]);
  } else if ((x = s('rbd'))) lines(w, "RBD (a Rados Block Device mount on the host that shares a pod's lifetime)", [['CephMonitors', goSlice(x['monitors'])], ['RBDImage', str(x['image'])], ['FSType', str(x['fsType'])], ['RBDPool', str(x['pool'])], ['RadosUser', str(x['user'])], ['Keyring', str(x['keyring'])], ['SecretRef', secretRef(x['secretRef'])], ['ReadOnly', bool(x['readOnly'])]]);
  else if ((x = s('quobyte'))) lines(w, "Quobyte (a Quobyte mount on the host that shares a pod's lifetime)", [['Registry', str(x['registry'])], ['Volume', str(x['volume'])], ['ReadOnly', bool(x['readOnly'])]]);
  else if ((x = s('vsphereVolume'))) lines(w, 'vSphereVolume (a Persistent Disk resource in vSphere)', [['VolumePath', str(x['volumePath'])], ['FSType', str(x['fsType'])], ['StoragePolicyName', str(x['storagePolicyName'])]]);
  else if ((x = s('cinder'))) lines(w, 'Cinder (a Persistent Disk resource in OpenStack)', [['VolumeID', str(x['volumeID'])], ['FSType', str(x['fsType'])], ['ReadOnly', bool(x['readOnly'])], ['SecretRef', secretRef(x['secretRef'])]]);
  else if ((x = s('azureDisk'))) lines(w, 'AzureDisk (an Azure Data Disk mount on the host and bind mount to the pod)', [['DiskName', str(x['diskName'])], ['DiskURI', str(x['diskURI'])], ['Kind ', str(x['kind'])], ['FSType', str(x['fsType'])], ['CachingMode', str(x['cachingMode'])], ['ReadOnly', bool(x['readOnly'])]]);
  else if ((x = s('photonPersistentDisk'))) lines(w, 'PhotonPersistentDisk (a Persistent Disk resource in photon platform)', [['PdID', str(x['pdID'])], ['FSType', str(x['fsType'])]]);
  else if ((x = s('portworxVolume'))) lines(w, 'PortworxVolume (a Portworx Volume resource)', [['VolumeID', str(x['volumeID'])]]);
  else if ((x = s('cephfs'))) lines(w, "CephFS (a CephFS mount on the host that shares a pod's lifetime)", [['Monitors', goSlice(x['monitors'])], ['Path', str(x['path'])], ['User', str(x['user'])], ['SecretFile', str(x['secretFile'])], ['SecretRef', secretRef(x['secretRef'])], ['ReadOnly', bool(x['readOnly'])]]);
  else if ((x = s('fc'))) lines(w, 'FC (a Fibre Channel disk)', [['TargetWWNs', strs(x['targetWWNs']).join(', ')], ['LUN', x['lun'] === undefined ? '<none>' : String(num(x['lun']))], ['FSType', str(x['fsType'])], ['ReadOnly', bool(x['readOnly'])]]);
  else if ((x = s('flocker'))) lines(w, 'Flocker (a Flocker volume mounted by the Flocker agent)', [['DatasetName', str(x['datasetName'])], ['DatasetUUID', str(x['datasetUUID'])]]);
  else if ((x = s('flexVolume'))) lines(w, 'FlexVolume (a generic volume resource that is provisioned/attached using an exec based plugin)', [['Driver', str(x['driver'])], ['FSType', str(x['fsType'])], ['SecretRef', secretRef(x['secretRef'])], ['ReadOnly', bool(x['readOnly'])], ['Options', strMap(x['options'])]]);
  else return false;
  return true;
}

/** The `Volumes:` of a pod or pod template (`space` '  ' in a template). */
export function describeVolumes(w: PrefixWriter, volumes: unknown, space: string): void {
  const list = objs(volumes);
  if (list.length === 0) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of list) {
    w.write(1, `${space ? ' ' : ''}${str(v['name'])}:\n`);
    if (printCommonSource(w, v, false)) continue;
    const s = (key: string) => optObj(v[key]);
    let x: J | undefined;
    if ((x = s('emptyDir'))) {
      const limit = quantityString(x['sizeLimit']);
      lines(w, "EmptyDir (a temporary directory that shares a pod's lifetime)", [['Medium', str(x['medium'])], ['SizeLimit', limit === '0' || limit.startsWith('-') ? '<unset>' : limit]]);
    } else if ((x = s('gitRepo'))) lines(w, 'GitRepo (a volume that is pulled from git when the pod is created)', [['Repository', str(x['repository'])], ['Revision', str(x['revision'])]]);
    else if ((x = s('secret'))) lines(w, 'Secret (a volume populated by a Secret)', [['SecretName', str(x['secretName'])], ['Optional', bool(x['optional'])]]);
    else if ((x = s('configMap'))) lines(w, 'ConfigMap (a volume populated by a ConfigMap)', [['Name', str(x['name'])], ['Optional', bool(x['optional'])]]);
    else if ((x = s('persistentVolumeClaim'))) lines(w, 'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)', [['ClaimName', str(x['claimName'])], ['ReadOnly', bool(x['readOnly'])]]);
    else if ((x = s('ephemeral'))) {
      w.write(2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n');
      const t = optObj(x['volumeClaimTemplate']);
      if (t) printClaimTemplate(w, t);
    } else if ((x = s('downwardAPI'))) {
      w.write(2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
      for (const item of objs(x['items'])) {
        if (item['fieldRef']) w.write(3, `${str(obj(item['fieldRef'])['fieldPath'])} -> ${str(item['path'])}\n`);
        if (item['resourceFieldRef']) w.write(3, `${str(obj(item['resourceFieldRef'])['resource'])} -> ${str(item['path'])}\n`);
      }
    } else if ((x = s('projected'))) {
      w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      for (const src of objs(x['sources'])) {
        let p: J | undefined;
        if ((p = optObj(src['secret']))) w.write(2, `SecretName:\t${str(p['name'])}\n    SecretOptionalName:\t${goPointer(p['optional'])}\n`);
        else if (src['downwardAPI']) w.write(2, 'DownwardAPI:\ttrue\n');
        else if ((p = optObj(src['configMap']))) w.write(2, `ConfigMapName:\t${str(p['name'])}\n    ConfigMapOptional:\t${goPointer(p['optional'])}\n`);
        else if ((p = optObj(src['serviceAccountToken']))) w.write(2, `TokenExpirationSeconds:\t${num(p['expirationSeconds'])}\n`);
      }
    } else if ((x = s('csi'))) {
      lines(w, 'CSI (a Container Storage Interface (CSI) volume source)', [['Driver', str(x['driver'])], ['FSType', str(x['fsType'])], ['ReadOnly', bool(x['readOnly'])]]);
      printVolumeAttributes(w, x['volumeAttributes']);
    } else if ((x = s('image'))) lines(w, 'Image (a container image or OCI artifact)', [['Reference', str(x['reference'])], ['PullPolicy', str(x['pullPolicy'])]]);
    else if ((x = s('scaleIO'))) lines(w, 'ScaleIO (a persistent volume backed by a block device in ScaleIO)', scaleIO(x, false));
    else if ((x = s('storageos'))) lines(w, 'StorageOS (a StorageOS Persistent Disk resource)', [['VolumeName', str(x['volumeName'])], ['VolumeNamespace', str(x['volumeNamespace'])], ['FSType', str(x['fsType'])], ['ReadOnly', bool(x['readOnly'])]]);
    else if ((x = s('azureFile'))) lines(w, 'AzureFile (an Azure File Service mount on the host and bind mount to the pod)', [['SecretName', str(x['secretName'])], ['ShareName', str(x['shareName'])], ['ReadOnly', bool(x['readOnly'])]]);
    else w.write(1, '<unknown>\n');
  }
}

/** A `*bool` as Go's `%v` prints the pointer: `<nil>` when unset (the pointer's value otherwise is an address; true/false here). */
function goPointer(v: unknown): string {
  return typeof v === 'boolean' ? String(v) : '<nil>';
}

function scaleIO(x: J, pv: boolean): [string, unknown][] {
  const head: [string, unknown][] = [['Gateway', str(x['gateway'])], ['System', str(x['system'])], ['Protection Domain', str(x['protectionDomain'])], ['Storage Pool', str(x['storagePool'])], ['Storage Mode', str(x['storageMode'])], ['VolumeName', str(x['volumeName'])]];
  const ref = obj(x['secretRef']);
  const secret: [string, unknown][] = pv ? [['SecretName', str(ref['name'])], ['SecretNamespace', str(ref['namespace'])]] : [];
  return [...head, ...secret, ['FSType', str(x['fsType'])], ['ReadOnly', bool(x['readOnly'])]];
}

/** An ephemeral volume's claim template (printPersistentVolumeClaim with isFullPVC false, nested two levels). */
function printClaimTemplate(w: PrefixWriter, t: J): void {
  const meta = obj(t['metadata']);
  const spec = obj(t['spec']);
  const nested = nestedWriter(w, 2);
  const annotations = strMap(meta['annotations']);
  const cls = annotations['volume.beta.kubernetes.io/storage-class'] ?? str(spec['storageClassName']);
  nested.write(0, `StorageClass:\t${cls}\n`);
  nested.write(0, `Volume:\t${str(spec['volumeName'])}\n`);
  printLabels(nested, 'Labels', meta['labels']);
  printAnnotations(nested, 'Annotations', meta['annotations']);
  nested.write(0, 'Capacity:\t\n');
  nested.write(0, 'Access Modes:\t\n');
  if (spec['volumeMode'] !== undefined) nested.write(0, `VolumeMode:\t${str(spec['volumeMode'])}\n`);
}

/** A PersistentVolume's source (`Source:` then the source's lines). */
export function describePersistentVolumeSource(w: PrefixWriter, spec: J): void {
  if (printCommonSource(w, spec, true)) return;
  let x: J | undefined;
  if ((x = optObj(spec['scaleIO']))) lines(w, 'ScaleIO (a persistent volume backed by a block device in ScaleIO)', scaleIO(x, true));
  else if ((x = optObj(spec['local']))) lines(w, 'LocalVolume (a persistent volume backed by local storage on a node)', [['Path', str(x['path'])]]);
  else if ((x = optObj(spec['storageos']))) lines(w, 'StorageOS (a StorageOS Persistent Disk resource)', [['VolumeName', str(x['volumeName'])], ['VolumeNamespace', str(x['volumeNamespace'])], ['FSType', str(x['fsType'])], ['ReadOnly', bool(x['readOnly'])]]);
  else if ((x = optObj(spec['azureFile']))) lines(w, 'AzureFile (an Azure File Service mount on the host and bind mount to the pod)', [['SecretName', str(x['secretName'])], ['SecretNamespace', str(x['secretNamespace'])], ['ShareName', str(x['shareName'])], ['ReadOnly', bool(x['readOnly'])]]);
  else if ((x = optObj(spec['csi']))) {
    lines(w, 'CSI (a Container Storage Interface (CSI) volume source)', [['Driver', str(x['driver'])], ['FSType', str(x['fsType'])], ['VolumeHandle', str(x['volumeHandle'])], ['ReadOnly', bool(x['readOnly'])]]);
    printVolumeAttributes(w, x['volumeAttributes']);
  } else w.write(1, '<unknown>\n');
}
