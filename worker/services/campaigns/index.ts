export { createCampaign } from './create-campaign';
export { getCampaign } from './get-campaign';
export { listCampaigns } from './list-campaigns';
export { updateCampaign } from './update-campaign';
