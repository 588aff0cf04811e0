// The embedding worker on a GPU (production). Fargate has no GPUs and SST's Service runs on Fargate only,
// so this is plain Pulumi AWS: an ECS cluster whose capacity is an Auto Scaling group of GPU instances
// (ECS's GPU-optimised Amazon Linux 2023 AMI) behind a managed capacity provider, and a service whose task
// reserves one GPU. Its image is the project's Dockerfile with ONNXRUNTIME=cuda12 (onnxruntime-node's
// CUDA binaries added), pushed to its own ECR repository. The model is fetched once per instance into a
// host folder the task mounts.
import { EMBED_WORKER_SHELL, MODEL_DIR } from './images.ts'
import type { Loose, Platform } from './platform.ts'
import type { StageSettings } from './stage.ts'

const GPU_AMI_PARAMETER = '/aws/service/ecs/optimized-ami/amazon-linux-2023/gpu/recommended/image_id'

export function createGpuEmbedder(
  p: Platform,
  settings: StageSettings,
  deps: { vpc: Loose; secrets: Record<string, Loose>; environment: Record<string, string> },
) {
  if (settings.embedder.kind !== 'gpu') throw new Error('createGpuEmbedder needs a GPU stage')
  const gpu = settings.embedder
  const { aws } = p

  const repository = new aws.ecr.Repository('EmbedWorkerImages', {
    imageScanningConfiguration: { scanOnPush: true },
    forceDelete: !settings.production,
  })
  const token = aws.ecr.getAuthorizationTokenOutput({ registryId: repository.registryId })
  const image = new p.dockerBuild.Image('EmbedWorkerGpuImage', {
    context: { location: '.' },
    dockerfile: { location: 'Dockerfile' },
    buildArgs: { ONNXRUNTIME: 'cuda12' },
    platforms: ['linux/amd64'],
    push: true,
    tags: [p.interpolate`${repository.repositoryUrl}:${p.app.stage}`],
    registries: [{ address: repository.repositoryUrl, username: token.userName, password: token.password }],
  })

  const cluster = new aws.ecs.Cluster('GpuCluster', {
    settings: [{ name: 'containerInsights', value: 'enabled' }],
  })
  const instanceRole = new aws.iam.Role('GpuInstanceRole', {
    assumeRolePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  })
  for (const [name, arn] of [
    ['GpuInstanceEcs', 'arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role'],
    ['GpuInstanceSsm', 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore'],
  ] as const) {
    new aws.iam.RolePolicyAttachment(name, { role: instanceRole.name, policyArn: arn })
  }
  const instanceProfile = new aws.iam.InstanceProfile('GpuInstanceProfile', { role: instanceRole.name })
  const securityGroup = new aws.ec2.SecurityGroup('GpuInstances', {
    vpcId: deps.vpc.id,
    description: 'GPU embedding workers: no inbound, outbound to the database, ECR and the model hub',
    egress: [{ protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'] }],
  })
  const ami = aws.ssm.getParameterOutput({ name: GPU_AMI_PARAMETER })
  const launchTemplate = new aws.ec2.LaunchTemplate('GpuInstances', {
    imageId: ami.value,
    instanceType: gpu.instanceType,
    iamInstanceProfile: { arn: instanceProfile.arn },
    vpcSecurityGroupIds: [securityGroup.id],
    metadataOptions: { httpTokens: 'required', httpEndpoint: 'enabled' },
    blockDeviceMappings: [
      { deviceName: '/dev/xvda', ebs: { volumeSize: 100, volumeType: 'gp3', encrypted: 'true' } },
    ],
    userData: cluster.name.apply((name: string) =>
      Buffer.from(
        `#!/bin/bash\necho ECS_CLUSTER=${name} >> /etc/ecs/ecs.config\necho ECS_ENABLE_GPU_SUPPORT=true >> /etc/ecs/ecs.config\n`,
      ).toString('base64'),
    ),
  })
  const instances = new aws.autoscaling.Group('GpuInstances', {
    vpcZoneIdentifiers: deps.vpc.privateSubnets,
    minSize: 0,
    maxSize: gpu.instances,
    launchTemplate: { id: launchTemplate.id, version: '$Latest' },
    protectFromScaleIn: true,
    tags: [{ key: 'AmazonECSManaged', value: '', propagateAtLaunch: true }],
  })
  const capacity = new aws.ecs.CapacityProvider('GpuCapacity', {
    autoScalingGroupProvider: {
      autoScalingGroupArn: instances.arn,
      managedScaling: { status: 'ENABLED', targetCapacity: 100 },
      managedTerminationProtection: 'ENABLED',
    },
  })
  const clusterCapacity = new aws.ecs.ClusterCapacityProviders('GpuClusterCapacity', {
    clusterName: cluster.name,
    capacityProviders: [capacity.name],
    defaultCapacityProviderStrategies: [{ capacityProvider: capacity.name, weight: 1 }],
  })

  const logGroup = new aws.cloudwatch.LogGroup('EmbedWorkerGpuLogs', {
    retentionInDays: settings.logRetentionDays,
  })
  const executionRole = new aws.iam.Role('EmbedWorkerExecution', {
    assumeRolePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ],
    }),
  })
  new aws.iam.RolePolicyAttachment('EmbedWorkerExecutionEcs', {
    role: executionRole.name,
    policyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
  })
  // It may read exactly the secrets it is given, nothing else.
  new aws.iam.RolePolicy('EmbedWorkerSecrets', {
    role: executionRole.id,
    policy: p.jsonStringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: Object.values(deps.secrets) },
      ],
    }),
  })

  const taskDefinition = new aws.ecs.TaskDefinition('EmbedWorkerGpu', {
    family: `revops-${p.app.stage}-embed-worker-gpu`,
    requiresCompatibilities: ['EC2'],
    networkMode: 'awsvpc',
    cpu: String(gpu.taskCpu),
    memory: String(gpu.taskMemoryMiB),
    executionRoleArn: executionRole.arn,
    volumes: [{ name: 'models', hostPath: '/var/lib/revops/models' }],
    containerDefinitions: p.jsonStringify([
      {
        name: 'embed-worker',
        image: image.ref,
        essential: true,
        entryPoint: ['sh', '-c'],
        command: [EMBED_WORKER_SHELL],
        resourceRequirements: [{ type: 'GPU', value: '1' }],
        environment: Object.entries({ ...deps.environment, MODEL_DIR, EMBED_BATCH_SIZE: '32' }).map(
          ([name, value]) => ({ name, value }),
        ),
        secrets: Object.entries(deps.secrets).map(([name, secret]) => ({ name, valueFrom: secret })),
        mountPoints: [{ sourceVolume: 'models', containerPath: '/models' }],
        logConfiguration: {
          logDriver: 'awslogs',
          options: {
            'awslogs-group': logGroup.name,
            'awslogs-region': aws.getRegionOutput().name,
            'awslogs-stream-prefix': 'embed',
          },
        },
      },
    ]),
  })
  const service = new aws.ecs.Service(
    'EmbedWorkerGpu',
    {
      cluster: cluster.arn,
      taskDefinition: taskDefinition.arn,
      desiredCount: gpu.instances,
      capacityProviderStrategies: [{ capacityProvider: capacity.name, weight: 1 }],
      networkConfiguration: {
        subnets: deps.vpc.privateSubnets,
        securityGroups: [securityGroup.id],
        assignPublicIp: false,
      },
      // One GPU box: the old task stops before the new one starts.
      deploymentMinimumHealthyPercent: 0,
      deploymentMaximumPercent: 100,
    },
    { dependsOn: [clusterCapacity] },
  )
  return { repository, image, cluster, instances, capacity, taskDefinition, service }
}
