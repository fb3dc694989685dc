export { type ChannelOptions, createChannel } from './create-channel';
export { deleteChannel } from './delete-channel';
export { listChannels } from './list-channels';
