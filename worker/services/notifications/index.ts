export { type ChannelOptions, createChannel } from './create-channel';
export { deleteChannel } from './delete-channel';
export { type DeliveryReport, deliverOutbox, type Send } from './deliver-outbox';
export { listChannels } from './list-channels';
